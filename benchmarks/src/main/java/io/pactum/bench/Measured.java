package io.pactum.bench;

/** One cell of one repetition; {@code result} is null when the cell failed. */
record Measured(int rep, Cell cell, CellResult result) {
    boolean ok() {
        return result != null;
    }
}
