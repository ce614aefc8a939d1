// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace uis {

class AnalysisRunner;
class GraphScene;
class PipelineDocument;
class ProblemsDock;
class PropertiesDock;
class SampleDock;
class TokenStore;

/**
 * Sampling in the studio, installed with one call: the Sample dock, **Sample…** (F6) in the
 * Pipeline menu, in the canvas context menu of an endpoint and above an endpoint's Properties,
 * and the sample's drift published in Problems next to the analysis' diagnostics (recomputed
 * after every analysis, so lines follow edits and an applied schema clears it).
 */
class SampleIntegration : public QObject
{
    Q_OBJECT
public:
    using AddDock = std::function<void(QDockWidget *, Qt::DockWidgetArea)>;

    struct Parts
    {
        PipelineDocument *document = nullptr;
        GraphScene *scene = nullptr;          ///< may be null
        PropertiesDock *properties = nullptr; ///< may be null
        ProblemsDock *problems = nullptr;     ///< may be null
        AnalysisRunner *analysis = nullptr;   ///< may be null
        TokenStore *tokens = nullptr;         ///< the keychain (may be null: no keychain)
    };
    static SampleIntegration *install(QMainWindow *window, QMenu *menu, const Parts &parts,
                                      const AddDock &addDock = {});

    SampleDock *dock() const { return m_dock; }
    QAction *sampleAction() const { return m_sample; }
    /// Samples `endpoint` (by name), or the selected endpoint node, or the dock's choice.
    void sample(const QString &endpoint = {});

private:
    SampleIntegration(QMainWindow *window, const Parts &parts);
    /// The endpoint the selection (canvas or Properties) names, "" when none.
    QString selectedEndpoint() const;
    void publishDrift();

    Parts m_parts;
    SampleDock *m_dock;
    QAction *m_sample;
};

} // namespace uis
