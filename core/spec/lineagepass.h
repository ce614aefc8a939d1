// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

namespace uis {

/**
 * Rules that follow columns through the pipeline, on the built model (run after the graph pass
 * when the inputs are sound). They hold for both engines:
 * - a sink's `kafka_key_field` must reach the sink: a transform that drops or renames it
 *   (a window aggregate, a field_mapping) is an error naming the sink, the field and the
 *   transform (`UIS-E-KEY-FIELD-DROPPED`);
 * - a WebSocket or webhook endpoint reaches Flink through a Kafka bridge, which needs
 *   `config.kafka_bootstrap_servers` (`UIS-E-BRIDGE-BOOTSTRAP`).
 */
class LineagePass
{
public:
    explicit LineagePass(ValidationContext &context);
    void run();

private:
    void checkKeyFields();
    void checkBridge();

    ValidationContext &m_ctx;
};

} // namespace uis
