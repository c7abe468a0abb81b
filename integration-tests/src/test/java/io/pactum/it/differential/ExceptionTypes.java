package io.pactum.it.differential;

/**
 * The exception type an application would catch: the first class in the hierarchy that belongs
 * to the Java or Jakarta API. Narayana throws its own subclasses of the standard exceptions
 * (with extra context); what matters to a caller is the standard type.
 */
final class ExceptionTypes {
    private ExceptionTypes() {
    }

    static String standardName(Throwable t) {
        Class<?> c = t.getClass();
        while (!isStandard(c)) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    private static boolean isStandard(Class<?> c) {
        String name = c.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
                || name.startsWith("org.opentest4j.");
    }
}
