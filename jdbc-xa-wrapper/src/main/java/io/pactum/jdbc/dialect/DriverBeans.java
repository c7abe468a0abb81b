package io.pactum.jdbc.dialect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.sql.XADataSource;

/**
 * Creates a driver's XA data source by class name and bean setters, so that this module needs
 * no driver at compile time and users no XA class names.
 */
final class DriverBeans {
    private DriverBeans() {
    }

    /**
     * @param artifact the Maven coordinates to name when the class is missing
     */
    static XADataSource xaDataSource(String className, String artifact, String url, String user, String password) {
        Object bean = instantiate(className, artifact);
        if (!(bean instanceof XADataSource xa)) {
            throw new IllegalStateException(className + " is not a javax.sql.XADataSource");
        }
        set(bean, "setUrl", url);
        if (user != null) {
            set(bean, "setUser", user);
        }
        if (password != null) {
            set(bean, "setPassword", password);
        }
        return xa;
    }

    private static Object instantiate(String className, String artifact) {
        try {
            return loadClass(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the JDBC driver class " + className + " is not on the class path: add "
                    + artifact + " to the application's dependencies", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e, e);
        }
    }

    private static Class<?> loadClass(String className) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(className, true, context);
            } catch (ClassNotFoundException e) {
                // fall back to the loader that loaded Pactum
            }
        }
        return Class.forName(className);
    }

    private static void set(Object bean, String setter, String value) {
        try {
            Method m = bean.getClass().getMethod(setter, String.class);
            m.invoke(bean, value);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(bean.getClass().getName() + " has no public " + setter + "(String)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(bean.getClass().getSimpleName() + "." + setter + " refused the value: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
