// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: reader + validator + writer on arbitrary bytes, in both formats. Whatever
// parses must also be writable and read back (the writer never produces unreadable text).
#include "specloader.h"
#include "specwriter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const uis::SpecFormat f : {uis::SpecFormat::Yaml, uis::SpecFormat::Json}) {
        const uis::LoadedSpec l = uis::SpecLoader::load(bytes, f);
        if (!l.tree)
            continue;
        const uis::SourceNode normalized = uis::SpecWriter::normalize(*l.tree);
        const uis::LoadedSpec yaml = uis::SpecLoader::load(uis::SpecWriter::toYaml(normalized), uis::SpecFormat::Yaml);
        const uis::LoadedSpec json = uis::SpecLoader::load(uis::SpecWriter::toJson(normalized), uis::SpecFormat::Json);
        if (!yaml.tree || !json.tree)
            std::abort(); // written text that does not read back is a bug
    }
    return 0;
}
