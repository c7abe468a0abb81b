package io.pactum.it.differential;

import io.pactum.testing.ScriptedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scripted resources and a sequence of API calls, run the same way on any transaction manager.
 * Each run gets fresh resources, so one scenario can run on both managers.
 */
final class Scenario {
    private final String name;
    private final Map<String, UnaryOperator<ScriptedResource>> resources = new LinkedHashMap<>();
    private final List<String[]> sameRm = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private boolean comparesXaCalls;

    private Scenario(String name) {
        this.name = name;
    }

    static Scenario named(String name) {
        return new Scenario(name);
    }

    Scenario resource(String name) {
        return resource(name, r -> r);
    }

    /** A resource whose calls answer as the script says, e.g. {@code r -> r.fail(COMMIT, XA_HEURRB)}. */
    Scenario resource(String name, UnaryOperator<ScriptedResource> script) {
        resources.put(name, script);
        return this;
    }

    /** The two resources answer isSameRM with true for each other, so a manager may join their branches. */
    Scenario sameRm(String one, String other) {
        sameRm.add(new String[] {one, other});
        return this;
    }

    /**
     * The XA calls must match too. Only for scenarios where both managers have one order to
     * follow; with several branches each may order its end and prepare calls its own way.
     */
    Scenario sameXaCalls() {
        comparesXaCalls = true;
        return this;
    }

    boolean comparesXaCalls() {
        return comparesXaCalls;
    }

    Scenario steps(Step... more) {
        steps.addAll(List.of(more));
        return this;
    }

    String name() {
        return name;
    }

    Observed runOn(TmUnderTest under) {
        Run run = new Run(under);
        try {
            resources.forEach((n, script) -> script.apply(run.addResource(n)));
            for (String[] pair : sameRm) {
                run.resource(pair[0]).sameRmAs(run.resource(pair[1]));
                run.resource(pair[1]).sameRmAs(run.resource(pair[0]));
            }
            for (Step step : steps) {
                run.perform(step);
            }
            return new Observed(run.recording(), run.xaCalls());
        } catch (Exception e) {
            throw new IllegalStateException("scenario '" + name + "' could not be recorded on " + under.name(), e);
        } finally {
            run.cleanUp();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
