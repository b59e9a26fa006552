/** The canned responses page's words. */
export const en = {
  cannedTitle: 'Canned responses',
  cannedShared: 'Shared with every answerer',
  cannedMine: 'Mine',
  cannedNone: 'None yet.',
  cannedNew: 'New canned response',
  cannedEdit: 'Change “{name}”',
  cannedName: 'Name',
  cannedLanguage: 'Language',
  cannedBody: 'Text',
  cannedShare: 'Share it with every answerer',
  cannedPlaceholders:
    'Placeholders: {{ticket.number}}, {{ticket.title}}, {{requester.name}}, {{organization.name}}, {{staff.name}}, {{studio.name}}; {{requester.name | colleague}} when the name is unknown.',
  cannedCreate: 'Add',
  cannedRemove: 'Remove “{name}”',
  cannedRemoveConfirm: 'Remove the canned response “{name}”?',
  cannedSaved: 'Saved.',
  languageRu: 'Russian',
  languageEn: 'English',
};

export const ru: Record<keyof typeof en, string> = {
  cannedTitle: 'Шаблоны ответов',
  cannedShared: 'Общие для всех отвечающих',
  cannedMine: 'Мои',
  cannedNone: 'Пока нет.',
  cannedNew: 'Новый шаблон',
  cannedEdit: 'Изменить «{name}»',
  cannedName: 'Название',
  cannedLanguage: 'Язык',
  cannedBody: 'Текст',
  cannedShare: 'Сделать общим для всех отвечающих',
  cannedPlaceholders:
    'Подстановки: {{ticket.number}}, {{ticket.title}}, {{requester.name}}, {{organization.name}}, {{staff.name}}, {{studio.name}}; {{requester.name | коллега}}, когда имя неизвестно.',
  cannedCreate: 'Добавить',
  cannedRemove: 'Удалить «{name}»',
  cannedRemoveConfirm: 'Удалить шаблон «{name}»?',
  cannedSaved: 'Сохранено.',
  languageRu: 'Русский',
  languageEn: 'Английский',
};
