#!/usr/bin/env python3
"""Builds the seed inputs of the extractor's fuzz targets from the repository's own test fixtures and examples and,
when ../shared/corpus is present, from its files whose licence allows copying (Apache-2.0, MIT, LGPL-2.1; never
AGPL-3.0). Each seed is cut to at most MAX_SEED bytes (at a line break where the file has lines). Run from the
repository's root:

    python3 extractor/src/test/fuzz-seeds.py [path/to/shared/corpus]

It rewrites the seed-*/corpus-* files of every target (a crash-* file, a saved finding, is left alone) and writes
ExtractorFuzzTestSeeds.md beside the inputs directory, which names the source of every seed.
"""
import base64
import glob
import gzip
import json
import os
import re
import sys

ROOT = os.getcwd()
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'corpus')
RES = 'extractor/src/test/resources/dev/loadverdict/extractor/'
INPUTS = RES + 'ExtractorFuzzTestInputs/'
K6_INPUTS = RES + 'k6/K6FuzzTestInputs/'
JMETER_INPUTS = RES + 'jmeter/JmeterFuzzTestInputs/'
FIX = 'extractor/src/test/resources/fixtures/'
MAX_SEED = 16 * 1024
NEXT_FILE = b'\n--8<-- next file --8<--\n'

# Licences of the corpus files that may be copied (from its PROVENANCE.md); AGPL-3.0 ones are never copied.
ALLOWED = ('Apache-2.0', 'MIT', 'LGPL-2.1')

provenance = []  # (target, seed name, source, licence)


def corpus_licences():
    licences = {}
    path = os.path.join(CORPUS, 'PROVENANCE.md')
    if not os.path.exists(path):
        return licences
    for line in open(path, encoding='utf-8'):
        cells = [c.strip() for c in line.split('|')]
        if len(cells) > 6 and cells[1].startswith('`'):
            licences[cells[1].strip('`')] = (cells[2], cells[5])
    return licences


LICENCES = corpus_licences()


def read(path):
    data = open(path, 'rb').read()
    return gzip.decompress(data) if data[:2] == b'\x1f\x8b' else data


def cut(data, limit=MAX_SEED):
    if len(data) <= limit:
        return data
    head = data[:limit]
    newline = head.rfind(b'\n')
    return head[:newline + 1] if newline > limit // 2 else head


def put(directory, target, name, data, source, licence):
    os.makedirs(directory + target, exist_ok=True)
    with open(directory + target + '/' + name, 'wb') as out:
        out.write(data)
    provenance.append((directory, target, name, source, licence))


def seed(target, path, name=None, transform=cut, directory=INPUTS):
    """A seed from a file of this repository (licences: see the fixtures' NOTICE files)."""
    name = name or 'seed-' + re.sub(r'[^A-Za-z0-9._-]+', '_', os.path.relpath(path, FIX if path.startswith(FIX) else ROOT))
    put(directory, target, name, transform(read(path)), path, 'this repository (see its NOTICE files)')


def corpus(target, relative, transform=cut, directory=INPUTS):
    """A seed from ../shared/corpus, when present and its licence allows copying."""
    path = os.path.join(CORPUS, relative)
    if not os.path.exists(path):
        return
    repo, licence = LICENCES.get(relative, ('?', '?'))
    if not licence.startswith(ALLOWED):
        return
    name = 'corpus-' + relative.replace('/', '_')
    put(directory, target, name, transform(read(path)), 'shared corpus ' + relative + ' (from ' + repo + ')', licence)


def clean():
    for directory in (INPUTS, K6_INPUTS, JMETER_INPUTS):
        for f in glob.glob(directory + '*/seed-*') + glob.glob(directory + '*/corpus-*'):
            os.remove(f)


def locust_set(prefix):
    parts = []
    for suffix in ('_stats.csv', '_stats_history.csv', '_failures.csv', '_exceptions.csv'):
        path = prefix + suffix
        parts.append(cut(read(path), 6 * 1024) if os.path.exists(path) else b'')
    return NEXT_FILE.join(parts)


def main():
    clean()
    # Locust
    for f in sorted(glob.glob(FIX + 'locust/**/*_stats.csv', recursive=True) + glob.glob(FIX + 'locust/**/*_requests.csv', recursive=True)):
        seed('locustStatsCsv', f)
    seed('locustStatsCsv', 'examples/runs/locust-regressed/shop_stats.csv')
    for f in ('locust/stats-csv/loadtestinghub-grpc-custom-percentiles_stats.csv', 'locust/stats-csv/perfplugin-locust-stats-blank-lines.csv',
              'locust/stats-csv-legacy/perfplugin-locust-0.x-requests.csv'):
        corpus('locustStatsCsv', f)
    for stats in sorted(glob.glob(FIX + 'locust/**/*_stats.csv', recursive=True)) + sorted(glob.glob('examples/runs/*/shop_stats.csv')):
        prefix = stats[:-len('_stats.csv')]
        data = locust_set(prefix)
        put(INPUTS, 'locustCsvSet', 'seed-' + re.sub(r'[^A-Za-z0-9._-]+', '_', os.path.relpath(prefix, ROOT)), data,
            prefix + '_{stats,stats_history,failures,exceptions}.csv joined', 'this repository')
    grpc = 'locust/stats-csv/loadtestinghub-grpc-custom-percentiles_stats.csv'
    history = 'locust/stats-history-csv/loadtestinghub-grpc-custom-percentiles_stats_history.csv'
    if os.path.exists(os.path.join(CORPUS, grpc)) and os.path.exists(os.path.join(CORPUS, history)):
        data = NEXT_FILE.join([read(os.path.join(CORPUS, grpc)), cut(read(os.path.join(CORPUS, history)), 6 * 1024)])
        put(INPUTS, 'locustCsvSet', 'corpus-loadtestinghub-grpc-stats-and-history', data,
            'shared corpus ' + grpc + ' and ' + history + ' (Nikita-Filonov/load-testing-hub)', 'Apache-2.0')
    seed('locustJson', FIX + 'locust/2.12/json-serialize/quirks.json')
    # k6
    seed('k6Ndjson', FIX + 'k6/1.0/jsonvsprotobuf-ndjson/data.json.gz')
    seed('k6Ndjson', 'examples/k6-slo/data.json.gz', transform=lambda d: cut(d[len(d) // 2:], 8 * 1024))
    corpus('k6Ndjson', 'k6/ndjson-out-json/jsonvsprotobuf-getuser-1000iter.ndjson', transform=lambda d: cut(d, 8 * 1024))
    seed('k6Csv', FIX + 'k6/0.34/taurus-kpi-csv/k6_kpi.csv')
    seed('k6Csv', FIX + 'k6/1.0/jsonvsprotobuf-csv/data.csv.gz')
    for f in sorted(glob.glob(FIX + 'k6/**/summary-export.json', recursive=True)):
        seed('k6SummaryExport', f)
    for f in ('1.0/jsonvsprotobuf-handlesummary/summary.json', '1.x/k6reporter-grpc-handlesummary/grpc.json',
              '1.x/k6reporter-simple-http-handlesummary/simple.json'):
        seed('k6HandleSummary', FIX + 'k6/' + f)
    # JMeter
    for f in ('2.x/formatted-timestamp/results.csv', '3.x/tab-delimited/results.jtl', '5.0/transaction-controllers/results.csv',
              '5.1/default17-htmlreport/results.csv', '5.3/redirect-subresults/results.jtl', '5.6/shop-e2e-csv/results.jtl'):
        seed('jmeterCsv', FIX + 'jmeter/' + f)
    seed('jmeterCsv', 'examples/jmeter-aa/aa-01.jtl.gz', transform=lambda d: cut(d, 8 * 1024))
    for f in sorted(n for n in os.listdir(os.path.join(CORPUS, 'jmeter/jtl-csv-default')) if True) if os.path.isdir(os.path.join(CORPUS, 'jmeter/jtl-csv-default')) else []:
        corpus('jmeterCsv', 'jmeter/jtl-csv-default/' + f, transform=lambda d: cut(d, 8 * 1024))
    if os.path.isdir(os.path.join(CORPUS, 'jmeter/jtl-csv-other-columns')):
        for f in sorted(os.listdir(os.path.join(CORPUS, 'jmeter/jtl-csv-other-columns'))):
            corpus('jmeterCsv', 'jmeter/jtl-csv-other-columns/' + f, transform=lambda d: cut(d, 8 * 1024))
    seed('jmeterCsvWithoutHeader', FIX + 'jmeter/2.x/noheader-10cols/results.jtl')
    seed('jmeterCsvWithoutHeader', FIX + 'jmeter/5.1/default17-htmlreport/results.csv', name='seed-default17-without-header',
         transform=lambda d: cut(d[d.index(b'\n') + 1:], 4 * 1024))
    if os.path.isdir(os.path.join(CORPUS, 'jmeter/jtl-csv-noheader')):
        for f in sorted(os.listdir(os.path.join(CORPUS, 'jmeter/jtl-csv-noheader'))):
            corpus('jmeterCsvWithoutHeader', 'jmeter/jtl-csv-noheader/' + f)
    seed('jmeterXml', FIX + 'jmeter/2.13/xml-nested-transactions/results.jtl')
    seed('jmeterXml', FIX + 'jmeter/4-5/xml-truncated/results.jtl', transform=lambda d: cut(d, 8 * 1024))
    if os.path.isdir(os.path.join(CORPUS, 'jmeter/jtl-xml')):
        for f in sorted(os.listdir(os.path.join(CORPUS, 'jmeter/jtl-xml'))):
            corpus('jmeterXml', 'jmeter/jtl-xml/' + f, transform=lambda d: cut(d, 8 * 1024))
    for f in ('5.3+/statistics-json/statistics.json', '5.6/shop-e2e-dashboard/statistics.json'):
        seed('jmeterStatisticsJson', FIX + 'jmeter/' + f)
    # Gatling
    binary = []
    for f in sorted(glob.glob(FIX + 'gatling/**/simulation.log', recursive=True)):
        if read(f)[:1] == b'\x00':
            binary.append(f)
            seed('gatlingBinaryLog', f, transform=lambda d: d[:32 * 1024])
        else:
            seed('gatlingTextLog', f, transform=lambda d: cut(d, 8 * 1024))
    for relative in sorted(LICENCES):
        if relative.startswith('gatling/simulation-log'):
            if 'binary' in relative:
                corpus('gatlingBinaryLog', relative, transform=lambda d: d[:32 * 1024])
            else:
                corpus('gatlingTextLog', relative, transform=lambda d: cut(d, 8 * 1024))
    seed('gatlingStatsJson', FIX + 'gatling/3.11/shop-e2e-stats/stats.json')
    stats = json.loads(read(FIX + 'gatling/3.11/shop-e2e-stats/stats.json'))
    put(INPUTS, 'gatlingStatsJson', 'seed-global_stats-from-shop-e2e-stats.json', json.dumps(stats['stats'], indent=2).encode(),
        FIX + 'gatling/3.11/shop-e2e-stats/stats.json (its global "stats" object, as global_stats.json holds it)', 'this repository')
    # generic
    seed('genericSamplesCsv', FIX + 'generic/1/locust-hook-2.12/samples.csv.gz', transform=lambda d: cut(d, 8 * 1024))
    seed('genericSamplesNdjson', FIX + 'generic/1/samples-ndjson/samples.ndjson')
    seed('genericDocument', FIX + 'generic/1/document-aggregates/run.json')
    # the examples of docs/formats.md's generic section
    formats = open('docs/formats.md', encoding='utf-8').read()
    generic = formats[formats.index('## Generic input'):formats.index('## Written documents')]
    for i, (kind, block) in enumerate(re.findall(r'```(csv|json)\n(.*?)```', generic, re.S)):
        if kind == 'csv':
            target = 'genericSamplesCsv'
        elif block.lstrip().startswith('{"timestamp"'):
            target = 'genericSamplesNdjson'
        elif '"schema"' in block:
            target = 'genericDocument'
        else:
            continue
        put(INPUTS, target, 'seed-docs-formats-md-%d' % i, block.encode(), 'docs/formats.md, generic input example', 'this repository')
    # gzipped: small files of several formats, gzipped
    for f in (FIX + 'locust/2.12/shop-regressed/shop_stats.csv', FIX + 'jmeter/2.x/noheader-10cols/results.jtl',
              FIX + 'generic/1/samples-ndjson/samples.ndjson', FIX + 'jmeter/5.3+/statistics-json/statistics.json'):
        seed('gzipped', f, name='seed-' + os.path.basename(f) + '.gz', transform=lambda d: gzip.compress(cut(d, 4 * 1024), mtime=0))
    seed('gzipped', FIX + 'k6/1.0/jsonvsprotobuf-ndjson/data.json.gz', name='seed-k6-ndjson.gz',
         transform=lambda d: gzip.compress(cut(d, 4 * 1024), mtime=0))
    # histograms: the ones the golden and example runs carry
    n = 0
    for f in ['codec/src/test/resources/golden/run-every-field.json'] + sorted(glob.glob('codec/src/test/resources/dev/loadverdict/codec/CodecFuzzTestInputs/run/*.json')):
        for b64 in re.findall(rb'"base64"\s*:\s*"([A-Za-z0-9+/=]+)"', read(f)):
            n += 1
            if n <= 12:
                put(INPUTS, 'histogram', 'seed-%s-%d' % (os.path.basename(f), n), base64.b64decode(b64), f, 'this repository')
    # k6 decoders
    for i, text in enumerate(['26.063152', '1', '-0', '-0.0', '1.5e3', '2E-3', '123456789012345678901234567890',
                              '0.1000000000000000055511151231257827', '1e400', '9007199254740993', '01', '1.']):
        put(K6_INPUTS, 'jsonNumber', 'seed-%02d' % i, text.encode(), 'ShortcutsTest.jsonNumbersAreStrictAndExact', 'this repository')
    for i, text in enumerate(['2023-09-08T21:03:10.549397854+02:00', '2023-09-08T21:03:10.92457668+02:00', '2025-06-14T09:21:29.140469067Z',
                              '2024-02-28T23:30:00.5-05:30', '1969-12-31T23:59:59.999999999Z', '1633706790', '1633706790.25',
                              '1633706790123', '1633706790123456', '1633706790123456789', '2021-10-08T17:26:30+02:00']):
        put(K6_INPUTS, 'timestamps', 'seed-%02d' % i, text.encode(), 'TimestampsTest', 'this repository')
    # the JMeter tokenizer: a byte for delimiter and buffer size, then a CSV file
    for i, (f, delimiter) in enumerate([('2.x/formatted-timestamp/results.csv', 0), ('3.x/tab-delimited/results.jtl', 1),
                                        ('5.1/default17-htmlreport/results.csv', 0), ('2.x/noheader-10cols/results.jtl', 0)]):
        data = bytes([delimiter | (i * 9 << 2) & 0xFF]) + cut(read(FIX + 'jmeter/' + f), 4 * 1024)
        put(JMETER_INPUTS, 'delimitedReader', 'seed-%d-%s' % (i, os.path.basename(f)), data, FIX + 'jmeter/' + f, 'this repository')

    with open(RES + 'ExtractorFuzzTestSeeds.md', 'w', encoding='utf-8') as out:
        out.write('# Seeds of the extractor\'s fuzz targets\n\n'
                  'Written by `extractor/src/test/fuzz-seeds.py` (run it from the repository root to rebuild them); '
                  'each is cut to at most 16 KiB. `crash-*` files beside them are saved findings, not seeds.\n'
                  'Files from `../shared/corpus` are copied only under Apache-2.0, MIT or LGPL-2.1, unchanged but cut, '
                  'with their source below; AGPL-3.0 files are never copied.\n\n'
                  '| inputs directory | seed | source | licence |\n|---|---|---|---|\n')
        for directory, target, name, source, licence in sorted(provenance):
            out.write('| `%s%s/` | `%s` | %s | %s |\n' % (os.path.relpath(directory, RES) + '/', target, name, source, licence))
    print(len(provenance), 'seeds')


if __name__ == '__main__':
    main()
