// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace uis {

/**
 * Destroys `value` on a pool thread. Freeing the tree or the built spec of a large document is
 * tens of thousands of deallocations, milliseconds the GUI thread does not have (a frame is
 * 16 ms, and adopting a parse shares it with the views' updates). Only for values nothing
 * else points into; implicitly shared parts are reference-counted atomically.
 */
template <typename T> void disposeInBackground(T &&value)
{
    // The pool's copy of `held` is the only one, so the last reference goes on its thread.
    auto held = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
    QThreadPool::globalInstance()->start([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace uis
