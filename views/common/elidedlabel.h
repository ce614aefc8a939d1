// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace uis {

/**
 * A one-line status label that never widens its panel: it asks for no width of its own, cuts
 * a text that does not fit with "…", and shows the whole text as its tooltip (unless a tooltip
 * was set). A dock's minimum width is the sum of its rows' minimums, and the main window never
 * shrinks below the docks' minimums, so one long message in a plain QLabel can push the window
 * wider than the screen.
 */
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    /// Whether the text is cut at the current width.
    bool isElided() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace uis
