package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Globs and {@code re:} patterns against endpoint keys and bare names. */
class EndpointPatternTest {

    @ParameterizedTest(name = "{0} vs {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "GET /api/*          | GET  | /api/items/42       | true",
            "GET /api/*          | POST | /api/items          | false",
            "/api/*              | POST | /api/items          | true",
            "*/items             | GET  | /v1/items           | true",
            "GET /items/?        | GET  | /items/7            | true",
            "GET /items/?        | GET  | /items/77           | false",
            "GET /items/?        | GET  | /items/             | false",
            "GET /a.b            | GET  | /a.b                | true",
            "GET /a.b            | GET  | /axb                | false",
            "GET /a+(b)[c]{1}$^\\ | GET  | /a+(b)[c]{1}$^\\     | true",
            "GET /x              | GET  | /x/y                | false",
            "GET /x              | ''   | GET /x              | true",
            "re:^POST /v[0-9]+/  | POST | /v12/orders         | true",
            "re:^POST /v[0-9]+/  | GET  | /v12/orders         | false",
            "re:orders           | GET  | /v1/orders/9        | true",
            "re:^/v1/            | GET  | /v1/orders          | true",
            "re:^/v1/$           | GET  | /v1/orders          | false",
    })
    void matches(String pattern, String method, String name, boolean expected) {
        EndpointId id = EndpointId.of(method.isEmpty() ? null : method, name);

        assertThat(EndpointPattern.compile(pattern).matches(id)).isEqualTo(expected);
    }
}
