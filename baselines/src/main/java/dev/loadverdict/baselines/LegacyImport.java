package dev.loadverdict.baselines;

import dev.loadverdict.codec.LegacyBaselineJson;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.Tool;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * A flat legacy baseline ({@code baseline import}) as a run to promote: the services {@link LegacyBaselineJson}
 * reads, the tool they came from when known, and a provenance that says where they were imported from.
 *
 * @param run the run the legacy file describes
 * @param provenance the provenance given, noted "imported from FILE" unless it has a note of its own
 */
public record LegacyImport(Run run, Baseline.Provenance provenance) {

    /**
     * @param file how the file is named (in messages and in the provenance note)
     * @param text the file's text
     * @param tool the load tool the numbers came from, when known (else the run is generic)
     * @param given the provenance of the import (commit, CI run, note)
     */
    public static LegacyImport read(String file, Reader text, Optional<Tool> tool, Baseline.Provenance given) throws IOException {
        Run imported = LegacyBaselineJson.read(file, text);
        if (tool.isPresent()) {
            RunMetadata m = imported.metadata();
            imported = new Run(new RunMetadata(tool.get(), m.toolVersion(), m.sources(), m.start(), m.end(), m.duration(),
                    m.stage(), m.workload(), m.scriptHash(), m.labels(), m.mappingHash(), m.precision()),
                    imported.total(), imported.services());
        }
        Baseline.Provenance provenance = given.note().isPresent() ? given
                : new Baseline.Provenance(given.gitSha(), given.gitRef(), given.runUrl(), Optional.of("imported from " + file));
        return new LegacyImport(imported, provenance);
    }
}
