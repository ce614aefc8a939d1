// SPDX-License-Identifier: Apache-2.0
#pragma once

// QScintilla's headers use the `signals`/`slots` keywords, which QT_NO_KEYWORDS turns off.
#ifndef signals
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define UIS_QSCI_KEYWORDS_DEFINED
#endif

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>
#include <Qsci/qscistyledtext.h>

#ifdef UIS_QSCI_KEYWORDS_DEFINED
#undef signals
#undef slots
#undef UIS_QSCI_KEYWORDS_DEFINED
#endif
