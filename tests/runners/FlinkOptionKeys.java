// SPDX-License-Identifier: Apache-2.0
// Prints the configuration keys that Flink itself declares, read by reflection from the jars
// named on the command line (run as a source file: java -cp <flink jars> FlinkOptionKeys.java
// <jar>...). One line each, sorted:
//   option KEY              a ConfigOption's key in an org.apache.flink *Options class
//   deprecated KEY          a key Flink still reads but has deprecated for another
//   reporter-factory CLASS  a metric reporter factory (metrics.reporter.<name>.factory.class)
//   reporter-arg CLASS ARG  a parameter a reporter reads (its ARG_* constants)
// Used by tests/runners/test_k8s_manifests.py to check the compiled Flink configuration.
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;

public class FlinkOptionKeys
{
    public static void main(String[] args) throws Exception
    {
        TreeSet<String> out = new TreeSet<>();
        ClassLoader loader = FlinkOptionKeys.class.getClassLoader();
        for (String path : args) {
            try (JarFile jar = new JarFile(path)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (!name.startsWith("org/apache/flink/") || !name.endsWith(".class") ||
                        name.contains("$")) {
                        continue;
                    }
                    String simple = name.substring(name.lastIndexOf('/') + 1, name.length() - 6);
                    boolean options = simple.endsWith("Options");
                    boolean reporter =
                        simple.endsWith("Reporter") || simple.endsWith("ReporterFactory");
                    if (!options && !reporter) {
                        continue;
                    }
                    Class<?> c;
                    Field[] fields;
                    try {
                        c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'),
                                          false, loader);
                        fields = c.getDeclaredFields();
                    } catch (Throwable t) {
                        continue; // a class whose dependencies are not on this class path
                    }
                    if (simple.endsWith("ReporterFactory")) {
                        out.add("reporter-factory " + c.getName());
                    }
                    for (Field f : fields) {
                        if (!Modifier.isStatic(f.getModifiers())) {
                            continue;
                        }
                        try {
                            f.setAccessible(true);
                            if (options && ConfigOption.class.isAssignableFrom(f.getType())) {
                                ConfigOption<?> o = (ConfigOption<?>)f.get(null);
                                out.add("option " + o.key());
                                for (FallbackKey k : o.fallbackKeys()) {
                                    out.add((k.isDeprecated() ? "deprecated " : "option ") +
                                            k.getKey());
                                }
                            } else if (reporter && f.getType() == String.class &&
                                       f.getName().startsWith("ARG_")) {
                                out.add("reporter-arg " + c.getPackageName() + " " + f.get(null));
                            }
                        } catch (Throwable t) {
                            // a field that cannot be read says nothing about the keys
                        }
                    }
                }
            }
        }
        out.forEach(System.out::println);
    }
}
