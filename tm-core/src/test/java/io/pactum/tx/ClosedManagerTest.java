package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import jakarta.transaction.SystemException;
import org.junit.jupiter.api.Test;

/** A closed manager starts nothing new. */
class ClosedManagerTest {

    @Test
    void beginAfterCloseThrowsSystemException() {
        Scenario s = new Scenario();
        s.close();
        assertThatThrownBy(s.tm::begin).isInstanceOf(SystemException.class).hasMessageContaining("closed");
        assertThatThrownBy(s.tm.userTransaction()::begin).isInstanceOf(SystemException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void closingTwiceIsHarmless() {
        Scenario s = new Scenario();
        s.close();
        s.close();
        assertThatThrownBy(s.tm::begin).isInstanceOf(SystemException.class);
    }
}
