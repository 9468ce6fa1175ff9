#pragma once

#include "api/ApiResult.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace convdesk {

class ApiCall;
class ApiClient;
class ConversationListModel;

// Lists an account's conversations, a page at a time ("Load more" while the server has
// more), sortable by update time; choosing one asks the window to load it. The calls go
// through the window's ApiClient, so they use the active profile.
class AccountBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountBrowser)
public:
    static constexpr int DefaultPageSize = 50;

    explicit AccountBrowser(QWidget *parent = nullptr);
    ~AccountBrowser() override;

    // Not owned; nullptr while there is no profile (the browser then says so and cannot list).
    void setClient(ApiClient *client);
    void setPageSize(int limit);       // 1..100, the API's range
    int pageSize() const { return m_pageSize; }

    QString account() const;
    void setAccount(const QString &accountId);
    // Selects the row of the conversation the window shows (now, and when a later page
    // brings it), without asking to load it again.
    void markShown(const QString &conversationId);

    // Which columns show, in which order and how wide, for QSettings. restoreColumns() gives
    // false, changing nothing, for a state it cannot read.
    QByteArray saveColumns() const;
    bool restoreColumns(const QByteArray &state);

    ConversationListModel *model() const { return m_model; }
    QSortFilterProxyModel *sortModel() const { return m_sorted; }
    QTableView *view() const { return m_view; }
    bool isBusy() const { return !m_call.isNull(); }

public Q_SLOTS:
    void list();     // the first page for the account in the field
    void loadMore(); // the next page
    void cancel();
    void reset();    // another profile: the rows belong to another app

Q_SIGNALS:
    // The user picked a row: clicked, double-clicked or Enter.
    void conversationChosen(const QString &conversationId);
    // A page arrived (pageLoaded) or did not (pageFailed); the status line says which.
    void pageLoaded();
    void pageFailed(const convdesk::ApiResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpColumns();
    void sizeColumns();
    void sizeColumn(int column);
    void fitColumns();
    void resizeColumnToShownRows(int column);
    void updateColumnActions();
    void fetch(const QString &pageToken);
    void onPage(const ApiResult &result);
    void choose(const QModelIndex &index);
    void showStatus(const QString &text);
    void showIdleStatus();
    void updateButtons();

    ApiClient *m_client = nullptr;
    ConversationListModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_account;
    QPushButton *m_listButton;
    QPushButton *m_loadMoreButton;
    QTableView *m_view;
    QLabel *m_status;
    QPointer<ApiCall> m_call;
    QString m_listedAccount; // the account the rows belong to
    QSet<QString> m_tokensSent; // page tokens asked for in this listing, "" for the first page
    QString m_shownId;
    QList<QAction *> m_columnActions; // the header's menu: one per column, checked when shown
    bool m_columnsSized = false;      // by the first page, or by restoreColumns()
    QSet<int> m_columnsToSize;        // hidden when the first page came: sized when shown
    int m_pageSize = DefaultPageSize;
};

} // namespace convdesk
