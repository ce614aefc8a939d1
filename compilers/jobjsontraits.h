// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonconvert.h"
#include "spec.h"

namespace uis {

/**
 * What one engine adds to the job JSON that JobJsonWriter writes: the names of its sources and
 * the keys only it has. The writer owns the walk and the keys both engines share, so an engine
 * difference is always one of these hooks.
 */
class JobJsonTraits
{
public:
    virtual ~JobJsonTraits() = default;

    /// The job's name of an endpoint's source: `<kind>_<endpoint>` (`rest_stock_tickers`).
    virtual QString sourceName(const Endpoint &e) const = 0;
    /// The `type` of every source (the provider type, as the engine's runner names it).
    virtual QString sourceType() const = 0;
    /// The keys of source `index` after `type`, `name` and `endpoint` (before `schema`).
    virtual void sourceKeys(OrderedJson &source, const Endpoint &e, int index) = 0;
    /// True when a field_mapping with one input also names it under `input` (the Spark runner).
    virtual bool singleInputKey() const = 0;
    /// A duration setting of a transform: under `key` as the engine's runner reads it.
    virtual void duration(OrderedJson &transform, const char *key, const QString &value) = 0;
    /// The keys of a watermark transform after `type`, `name` and `inputs`.
    virtual void watermarkKeys(OrderedJson &transform, const Transform &t) = 0;
    /// The keys of sink `index` after `type`, `name` and `inputs`.
    virtual void sinkKeys(OrderedJson &sink, const Sink &s, int index) = 0;
};

} // namespace uis
