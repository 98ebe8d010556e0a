package dev.loadverdict.extractor;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays the crashes the fuzz targets found that the production code does not handle yet: the files under
 * {@code <TestClass>Crashes/<target>/} beside each fuzz test class's inputs directory (described in
 * {@code <TestClass>Crashes.md}). They are kept out of the inputs directories, so that {@code ./mvnw verify}
 * passes until they are fixed; this test runs them only when asked:
 * <pre>
 *   ./mvnw -B test -pl extractor -am -Dtest=FuzzCrashesTest -Dsurefire.failIfNoSpecifiedTests=false -Dloadverdict.fuzz.crashes=true
 * </pre>
 * Each fails while its crash is there. Once one passes, move its file into the target's inputs directory, where
 * the regression run keeps it fixed.
 */
@EnabledIfSystemProperty(named = "loadverdict.fuzz.crashes", matches = "true")
class FuzzCrashesTest {

    static final List<String> FUZZ_TESTS = List.of("dev.loadverdict.extractor.ExtractorFuzzTest",
            "dev.loadverdict.extractor.k6.K6FuzzTest", "dev.loadverdict.extractor.jmeter.JmeterFuzzTest");

    @TestFactory
    Stream<DynamicTest> knownCrashes() throws IOException, URISyntaxException, ReflectiveOperationException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FUZZ_TESTS) {
            Class<?> fuzzTest = Class.forName(name);
            var url = fuzzTest.getResource(fuzzTest.getSimpleName() + "Crashes");
            if (url == null) {
                continue;
            }
            Path crashes = Path.of(url.toURI());
            try (Stream<Path> targets = Files.list(crashes)) {
                for (Path target : targets.filter(Files::isDirectory).sorted().toList()) {
                    Method method = fuzzTest.getDeclaredMethod(target.getFileName().toString(), byte[].class);
                    method.setAccessible(true);
                    try (Stream<Path> files = Files.list(target)) {
                        for (Path file : files.sorted().toList()) {
                            tests.add(DynamicTest.dynamicTest(fuzzTest.getSimpleName() + "." + method.getName() + " "
                                    + file.getFileName(), () -> replay(fuzzTest, method, Files.readAllBytes(file))));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void replay(Class<?> fuzzTest, Method method, byte[] data) throws Throwable {
        try {
            var constructor = fuzzTest.getDeclaredConstructor();
            constructor.setAccessible(true);
            method.invoke(constructor.newInstance(), (Object) data);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
