package io.pactum.bench.sut;

import io.pactum.bench.workload.ResourceManager;
import java.nio.file.Path;
import java.util.List;

/**
 * What a system under test is told about its cell.
 *
 * @param threads how many worker threads will use it at once
 * @param resourceManagers the resource managers the workload enlists
 * @param scratchDir a fresh, empty directory on tmpfs for this cell only (deleted afterwards)
 * @param diskDir a fresh, empty directory on the real disk for this cell only (deleted afterwards):
 *                where a durable log goes
 */
public record Setup(int threads, List<ResourceManager> resourceManagers, Path scratchDir, Path diskDir) {
}
