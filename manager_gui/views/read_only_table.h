#pragma once
// A table of figures the user reads but does not edit: columns sized to their contents, the last
// one stretched, no row numbers.
#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>

namespace sluice::manager {

inline QTableWidget* readOnlyTable(const QStringList& headers) {
  auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
  t->setHorizontalHeaderLabels(headers);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->horizontalHeader()->setStretchLastSection(true);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->setAlternatingRowColors(true);
  return t;
}

}  // namespace sluice::manager
