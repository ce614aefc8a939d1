// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QDockWidget>

class QLineEdit;
class QToolButton;
class QTreeView;

namespace uis {

class ProblemsFilterModel;
class ProblemsModel;

/// The Problems list: every diagnostic, filterable by severity and text. Activating a row
/// asks the window to go there.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProblemsDock(QWidget *parent = nullptr);

    ProblemsModel *model() const { return m_model; }
    ProblemsFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    void setDiagnostics(const DiagnosticList &diagnostics);

Q_SIGNALS:
    void problemActivated(const uis::Diagnostic &diagnostic);

private:
    void updateCounts();

    ProblemsModel *m_model;
    ProblemsFilterModel *m_filter;
    QTreeView *m_view;
    QToolButton *m_buttons[3];
    QLineEdit *m_search;
};

} // namespace uis
