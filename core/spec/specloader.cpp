// SPDX-License-Identifier: Apache-2.0
#include "specloader.h"

#include "specbuilder.h"
#include "validator.h"

#include <QFile>

namespace uis {

LoadedSpec SpecLoader::load(const QByteArray &data, SpecFormat format)
{
    LoadedSpec out;
    ReadResult r = SpecReader::read(data, format);
    out.format = r.format;
    out.diagnostics = std::move(r.diagnostics);
    if (r.root) {
        out.spec = SpecBuilder::build(*r.root);
        out.diagnostics += Validator::validate(*r.root, &out.spec);
        out.tree = std::move(r.root);
    }
    sortDiagnostics(out.diagnostics);
    return out;
}

LoadedSpec SpecLoader::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        LoadedSpec out;
        out.diagnostics.append(Diagnostic{Severity::Error, QStringLiteral("UIS-E-IO"),
                                          QStringLiteral("cannot read %1: %2").arg(path, f.errorString()),
                                          QString(), 0, 0});
        return out;
    }
    if (f.size() > SpecReader::Limits().maxBytes) {
        // Do not read a huge file into memory only to reject it.
        LoadedSpec out;
        out.diagnostics.append(SpecReader::tooLarge(f.size()));
        return out;
    }
    SpecFormat fmt = SpecReader::formatForFileName(path);
    return load(f.readAll(), fmt);
}

} // namespace uis
