package dev.loadverdict.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loadverdict config}: inspect loadverdict.yml. */
@Command(name = "config", description = "Inspects loadverdict.yml.", versionProvider = VersionProvider.class,
        subcommands = {ConfigExplainCommand.class})
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a config command is required (explain)");
    }
}
