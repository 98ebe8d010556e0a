package dev.loadverdict.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;

/** Reads an option's enum value written in any case; an unknown value is a usage error listing the choices. */
class LowerCaseEnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {

    private final Class<E> type;
    private final String option;

    LowerCaseEnumConverter(Class<E> type, String option) {
        this.type = type;
        this.option = option;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new CommandLine.TypeConversionException(option + " must be one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList())
                + ", not '" + value + "'");
    }
}
