package io.pactum.xa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every XA error code means in every phase. The table is written from the XA specification
 * and Pactum's decisions, never from the classifier:
 * <ul>
 *   <li>{@code XA_RB*}: the branch is rolled back (or marked so, in start/end); after a yes vote
 *       that is a heuristic rollback; on rollback it is what was asked for.</li>
 *   <li>Heuristic codes only make sense once a branch may have been prepared (prepare is taken at
 *       its word, commit, rollback); start, end, forget and recover cannot report them.</li>
 *   <li>{@code XAER_NOTA}: the branch is gone. Before a vote (start with JOIN/RESUME, end, prepare,
 *       one-phase commit) its work is lost: rolled back. On the first phase-2 commit nobody can
 *       say what became of it: hazard. On a repeated commit, a rollback or a forget it is done.</li>
 *   <li>{@code XAER_RMFAIL} and {@code XA_RETRY}: try again later where Pactum can (phase 2,
 *       rollback, forget, recover); a lost one-phase commit is a hazard, since nothing was logged.
 *       {@code XAER_RMERR} is treated the same way, since pgjdbc reports lost connections with it.</li>
 *   <li>Error code 0 (MariaDB's unmapped errors) is {@code XAER_RMFAIL}; a code nobody defined is
 *       {@code XAER_RMERR}.</li>
 *   <li>Everything else is a plain failure.</li>
 * </ul>
 */
class XaErrorsTest {
    /**
     * Legend: OK, RETRY, RB = rolled back, HCOM / HRB / HMIX / HHAZ = heuristic commit / rollback /
     * mixed / hazard, FAIL = failed. Header: the phases, by name.
     */
    private static final String TABLE = """
            code            START  END   PREPARE  COMMIT_ONE_PHASE  COMMIT  RECOMMIT  ROLLBACK  FORGET  RECOVER
            XA_RBROLLBACK   RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBCOMMFAIL   RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBDEADLOCK   RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBINTEGRITY  RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBOTHER      RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBPROTO      RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBTIMEOUT    RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_RBTRANSIENT  RB     RB    RB       RB                HRB     HRB       OK        FAIL    FAIL
            XA_NOMIGRATE    FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            XA_HEURHAZ      FAIL   FAIL  HHAZ     HHAZ              HHAZ    HHAZ      HHAZ      FAIL    FAIL
            XA_HEURCOM      FAIL   FAIL  HCOM     HCOM              HCOM    HCOM      HCOM      FAIL    FAIL
            XA_HEURRB       FAIL   FAIL  HRB      HRB               HRB     HRB       HRB       FAIL    FAIL
            XA_HEURMIX      FAIL   FAIL  HMIX     HMIX              HMIX    HMIX      HMIX      FAIL    FAIL
            XA_RETRY        FAIL   FAIL  FAIL     RETRY             RETRY   RETRY     RETRY     RETRY   RETRY
            XA_RDONLY       FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            0               FAIL   FAIL  FAIL     HHAZ              RETRY   RETRY     RETRY     RETRY   RETRY
            XAER_ASYNC      FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            XAER_RMERR      FAIL   FAIL  FAIL     HHAZ              RETRY   RETRY     RETRY     RETRY   RETRY
            XAER_NOTA       RB     RB    RB       RB                HHAZ    OK        OK        OK      FAIL
            XAER_INVAL      FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            XAER_PROTO      FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            XAER_RMFAIL     FAIL   FAIL  FAIL     HHAZ              RETRY   RETRY     RETRY     RETRY   RETRY
            XAER_DUPID      FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            XAER_OUTSIDE    FAIL   FAIL  FAIL     FAIL              FAIL    FAIL      FAIL      FAIL    FAIL
            42              FAIL   FAIL  FAIL     HHAZ              RETRY   RETRY     RETRY     RETRY   RETRY
            -1              FAIL   FAIL  FAIL     HHAZ              RETRY   RETRY     RETRY     RETRY   RETRY
            """;

    private static final Map<String, XaVerdict> LEGEND = Map.of(
            "OK", XaVerdict.OK,
            "RETRY", XaVerdict.RETRY,
            "RB", XaVerdict.ROLLED_BACK,
            "HCOM", XaVerdict.HEURISTIC_COMMIT,
            "HRB", XaVerdict.HEURISTIC_ROLLBACK,
            "HMIX", XaVerdict.HEURISTIC_MIXED,
            "HHAZ", XaVerdict.HEURISTIC_HAZARD,
            "FAIL", XaVerdict.FAILED);

    @ParameterizedTest(name = "{0} in {2} -> {3}")
    @MethodSource("table")
    void classifiesEveryCodeInEveryPhase(String codeName, int code, XaPhase phase, XaVerdict expected) {
        assertThat(XaErrors.classify(phase, code)).as("%s in %s", codeName, phase).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {2} -> {3}")
    @MethodSource("table")
    void classifiesAnXAExceptionLikeItsCode(String codeName, int code, XaPhase phase, XaVerdict expected) {
        assertThat(XaErrors.classify(phase, new XAException(code))).as("XAException(%s) in %s", codeName, phase)
                .isEqualTo(expected);
    }

    @Test
    void theTableHasAColumnForEveryPhase() {
        assertThat(header()).containsExactly(XaPhase.values());
    }

    @Test
    void theTableHasARowForEveryCodeXAExceptionDefines() throws IllegalAccessException {
        Set<Integer> rows = new TreeSet<>();
        for (String[] row : rows()) {
            rows.add(codeOf(row[0]));
        }
        assertThat(rows).containsAll(definedCodes()).contains(0, 42, -1);
    }

    @Test
    void aRuntimeExceptionStandsForAFailedResourceManager() {
        assertThat(XaErrors.codeOf(new IllegalStateException("driver bug"))).isEqualTo(XAException.XAER_RMFAIL);
    }

    @Test
    void errorCodeZeroStandsForAFailedResourceManager() {
        assertThat(XaErrors.codeOf(new XAException(0))).isEqualTo(XAException.XAER_RMFAIL);
    }

    @Test
    void anUndefinedErrorCodeStandsForAResourceManagerError() {
        assertThat(XaErrors.codeOf(new XAException(42))).isEqualTo(XAException.XAER_RMERR);
        assertThat(XaErrors.codeOf(new XAException(-1))).isEqualTo(XAException.XAER_RMERR);
    }

    @Test
    void aDefinedErrorCodeIsKept() {
        assertThat(XaErrors.codeOf(new XAException(XAException.XAER_NOTA))).isEqualTo(XAException.XAER_NOTA);
        assertThat(XaErrors.codeOf(new XAException(XAException.XA_RBTIMEOUT))).isEqualTo(XAException.XA_RBTIMEOUT);
    }

    @Test
    void aRuntimeExceptionIsClassifiedAsALostConnection() {
        RuntimeException e = new IllegalStateException("driver bug");
        assertThat(XaErrors.classify(XaPhase.PREPARE, e)).isEqualTo(XaVerdict.FAILED);
        assertThat(XaErrors.classify(XaPhase.COMMIT_ONE_PHASE, e)).isEqualTo(XaVerdict.HEURISTIC_HAZARD);
        assertThat(XaErrors.classify(XaPhase.COMMIT, e)).isEqualTo(XaVerdict.RETRY);
        assertThat(XaErrors.classify(XaPhase.ROLLBACK, e)).isEqualTo(XaVerdict.RETRY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void namesEveryCode(String expected, int code) {
        assertThat(XaErrors.name(code)).isEqualTo(expected);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("XA_RBROLLBACK", XAException.XA_RBROLLBACK),
                Arguments.of("XA_RBCOMMFAIL", XAException.XA_RBCOMMFAIL),
                Arguments.of("XA_RBDEADLOCK", XAException.XA_RBDEADLOCK),
                Arguments.of("XA_RBINTEGRITY", XAException.XA_RBINTEGRITY),
                Arguments.of("XA_RBOTHER", XAException.XA_RBOTHER),
                Arguments.of("XA_RBPROTO", XAException.XA_RBPROTO),
                Arguments.of("XA_RBTIMEOUT", XAException.XA_RBTIMEOUT),
                Arguments.of("XA_RBTRANSIENT", XAException.XA_RBTRANSIENT),
                Arguments.of("XA_NOMIGRATE", XAException.XA_NOMIGRATE),
                Arguments.of("XA_HEURHAZ", XAException.XA_HEURHAZ),
                Arguments.of("XA_HEURCOM", XAException.XA_HEURCOM),
                Arguments.of("XA_HEURRB", XAException.XA_HEURRB),
                Arguments.of("XA_HEURMIX", XAException.XA_HEURMIX),
                Arguments.of("XA_RETRY", XAException.XA_RETRY),
                Arguments.of("XA_RDONLY", XAException.XA_RDONLY),
                Arguments.of("XA_OK", 0),
                Arguments.of("XAER_ASYNC", XAException.XAER_ASYNC),
                Arguments.of("XAER_RMERR", XAException.XAER_RMERR),
                Arguments.of("XAER_NOTA", XAException.XAER_NOTA),
                Arguments.of("XAER_INVAL", XAException.XAER_INVAL),
                Arguments.of("XAER_PROTO", XAException.XAER_PROTO),
                Arguments.of("XAER_RMFAIL", XAException.XAER_RMFAIL),
                Arguments.of("XAER_DUPID", XAException.XAER_DUPID),
                Arguments.of("XAER_OUTSIDE", XAException.XAER_OUTSIDE),
                Arguments.of("code 42", 42),
                Arguments.of("code -1", -1));
    }

    @Test
    void onlyTheRbRangeIsARollbackCode() {
        assertThat(XaErrors.isRollback(XAException.XA_RBBASE)).isTrue();
        assertThat(XaErrors.isRollback(XAException.XA_RBEND)).isTrue();
        assertThat(XaErrors.isRollback(XAException.XA_RBBASE - 1)).isFalse();
        assertThat(XaErrors.isRollback(XAException.XA_RBEND + 1)).isFalse();
        assertThat(XaErrors.isRollback(XAException.XA_HEURRB)).isFalse();
    }

    static Stream<Arguments> table() {
        List<XaPhase> phases = header();
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : rows()) {
            if (row.length != phases.size() + 1) {
                throw new IllegalStateException("row " + row[0] + " has " + (row.length - 1) + " verdicts, not "
                        + phases.size());
            }
            for (int i = 0; i < phases.size(); i++) {
                XaVerdict verdict = LEGEND.get(row[i + 1]);
                if (verdict == null) {
                    throw new IllegalStateException("row " + row[0] + ": unknown verdict " + row[i + 1]);
                }
                cases.add(Arguments.of(row[0], codeOf(row[0]), phases.get(i), verdict));
            }
        }
        return cases.stream();
    }

    private static List<XaPhase> header() {
        String[] words = lines().get(0);
        return Arrays.stream(words, 1, words.length).map(XaPhase::valueOf).toList();
    }

    private static List<String[]> rows() {
        List<String[]> lines = lines();
        return lines.subList(1, lines.size());
    }

    private static List<String[]> lines() {
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
    }

    /** A row's code: a number as written, or the name of an XAException constant. */
    private static int codeOf(String name) {
        if (name.matches("-?\\d+")) {
            return Integer.parseInt(name);
        }
        try {
            return XAException.class.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XAException has no code " + name, e);
        }
    }

    private static Set<Integer> definedCodes() throws IllegalAccessException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Field f : XAException.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                codes.put(f.getName(), f.getInt(null));
            }
        }
        assertThat(codes).containsKeys("XA_RBROLLBACK", "XAER_OUTSIDE", "XA_NOMIGRATE");
        return new TreeSet<>(codes.values());
    }
}
