/** Words of the queue: filters, saved views. */
export const en = {
  queueStatusHint: 'None ticked: new and in progress.',
  queueOrganization: 'Organization',
  queueAllOrganizations: 'All organizations',
  queueOverdue: 'Overdue',
  queueOverdueHint: 'Only tickets whose SLA due time has passed',
  queueClear: 'Clear filters',
  queueCount: '{count} tickets',
  queueLoading: 'Loading… {count} so far',
  queueViews: 'My views',
  queueSaveView: 'Save view',
  queueViewName: 'View name',
  queueViewSave: 'Save',
  queueViewCancel: 'Cancel',
  queueViewDelete: 'Delete view “{name}”',
} as const;

export const ru: Record<keyof typeof en, string> = {
  queueStatusHint: 'Ничего не отмечено: новые и в работе.',
  queueOrganization: 'Организация',
  queueAllOrganizations: 'Все организации',
  queueOverdue: 'Просрочены',
  queueOverdueHint: 'Только заявки, у которых срок по SLA уже прошёл',
  queueClear: 'Сбросить фильтры',
  queueCount: 'Заявок: {count}',
  queueLoading: 'Загрузка… пока {count}',
  queueViews: 'Мои виды',
  queueSaveView: 'Сохранить вид',
  queueViewName: 'Название вида',
  queueViewSave: 'Сохранить',
  queueViewCancel: 'Отмена',
  queueViewDelete: 'Удалить вид «{name}»',
};
