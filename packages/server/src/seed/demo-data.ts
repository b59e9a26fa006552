import type { StaffRole, TicketCategory, TicketPriority, TicketStatus } from '@caredesk/schema/domain';

/** The demo studio's people: one for every role. */
export const demoStaff: { email: string; name: string; role: StaffRole }[] = [
  { email: 'admin@studio.example', name: 'Анна Админова', role: 'ADMIN' },
  { email: 'head@studio.example', name: 'Игорь Руководов', role: 'HEAD' },
  { email: 'line1@studio.example', name: 'Ольга Первая', role: 'LINE1' },
  { email: 'line2@studio.example', name: 'Пётр Второй', role: 'LINE2' },
  { email: 'line3@studio.example', name: 'Сергей Третий', role: 'LINE3' },
  { email: 'accountant@studio.example', name: 'Мария Бухгалтерова', role: 'ACCOUNTANT' },
];

export interface DemoTicket {
  title: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: TicketCategory;
  paid?: boolean;
  site: number;
  /** Days before the seed that the ticket was filed. */
  ageDays: number;
  rejectReason?: string;
}

/** A dozen and more tickets, two or more in every status. */
export const demoTickets: DemoTicket[] = [
  {
    title: 'Не работает оформление заказа',
    description: 'После нажатия «Оплатить» страница зависает.',
    status: 'NEW',
    priority: 'URGENT',
    category: 'PROBLEM',
    site: 0,
    ageDays: 0,
  },
  {
    title: 'Checkout button does nothing on iPhone',
    description: 'Visitor report from the widget: Safari 17, iOS.',
    status: 'NEW',
    priority: 'NORMAL',
    category: 'VISITOR_REPORT',
    site: 0,
    ageDays: 0,
  },
  {
    title: 'Добавить баннер к распродаже',
    description: 'Нужен баннер на главной с 1 по 10 декабря.',
    status: 'FEEDBACK',
    priority: 'NORMAL',
    category: 'IMPROVEMENT',
    paid: true,
    site: 0,
    ageDays: 2,
  },
  {
    title: 'Как выгрузить заказы в Excel?',
    description: 'Подскажите, где в админке экспорт.',
    status: 'FEEDBACK',
    priority: 'NORMAL',
    category: 'QUESTION',
    site: 1,
    ageDays: 3,
  },
  {
    title: 'Сайт отдаёт 502 по ночам',
    description: 'Мониторинг видел три падения за неделю.',
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    category: 'EMERGENCY',
    site: 1,
    ageDays: 1,
  },
  {
    title: 'Обновить цены в каталоге',
    description: 'Прайс во вложении, 120 позиций.',
    status: 'IN_PROGRESS',
    priority: 'NORMAL',
    category: 'CONTENT',
    site: 2,
    ageDays: 2,
  },
  {
    title: 'Форма обратной связи не отправляет письма',
    description: 'Письма с формы не приходят с понедельника.',
    status: 'RESOLVED',
    priority: 'HIGH',
    category: 'PROBLEM',
    site: 2,
    ageDays: 4,
  },
  {
    title: 'Сменить телефон в шапке',
    description: 'Новый номер: +7 495 000-00-00.',
    status: 'RESOLVED',
    priority: 'NORMAL',
    category: 'CONTENT',
    site: 0,
    ageDays: 5,
  },
  {
    title: 'Подключить онлайн-кассу',
    description: 'Интеграция с кассой по 54-ФЗ.',
    status: 'ACCEPTED',
    priority: 'NORMAL',
    category: 'IMPROVEMENT',
    paid: true,
    site: 1,
    ageDays: 20,
  },
  {
    title: 'Опечатка на странице доставки',
    description: '«Доставка осуществляеться» — исправьте, пожалуйста.',
    status: 'ACCEPTED',
    priority: 'NORMAL',
    category: 'CONTENT',
    site: 2,
    ageDays: 12,
  },
  {
    title: 'Новый раздел «Акции»',
    description: 'Раздел с карточками акций и фильтром.',
    status: 'PAID',
    priority: 'HIGH',
    category: 'IMPROVEMENT',
    paid: true,
    site: 0,
    ageDays: 40,
  },
  {
    title: 'Ускорить загрузку главной',
    description: 'PageSpeed 35, хотим выше 80.',
    status: 'PAID',
    priority: 'NORMAL',
    category: 'IMPROVEMENT',
    paid: true,
    site: 1,
    ageDays: 35,
  },
  {
    title: 'Не работает оформление заказа (повтор)',
    description: 'То же, что и в первой заявке.',
    status: 'REJECTED',
    priority: 'NORMAL',
    category: 'PROBLEM',
    site: 0,
    ageDays: 0,
    rejectReason: 'Дубликат',
  },
  {
    title: 'Купите нам рекламу',
    description: 'Предложение о сотрудничестве.',
    status: 'REJECTED',
    priority: 'NORMAL',
    category: 'QUESTION',
    site: 2,
    ageDays: 6,
    rejectReason: 'Не относится к поддержке',
  },
];

/** Public articles of the demo knowledge base, in both languages. */
export const demoArticles = [
  {
    locale: 'ru',
    title: 'Сайт не открывается: ошибка 502',
    body: 'Ошибка 502 значит, что сервер сайта не ответил вовремя. Подождите пять минут и обновите страницу.\n\nЕсли ошибка осталась, напишите нам: мы перезапустим сервер.',
    tags: ['ошибки', 'доступность'],
  },
  {
    locale: 'ru',
    title: 'Как добавить товар в каталог',
    body: '## Шаги\n\n1. Откройте админку магазина.\n2. Каталог → Товары → Добавить.\n3. Заполните название, цену и фотографии и нажмите «Сохранить».',
    tags: ['каталог'],
  },
  {
    locale: 'en',
    title: 'The site shows a blank page',
    body: 'A blank page usually means a failed plugin update. Clear the browser cache first; if the page stays blank, tell us and we will roll the update back.',
    tags: ['errors'],
  },
  {
    locale: 'en',
    title: 'Adding products to the catalogue',
    body: 'Open the shop admin, go to Catalogue → Products → Add, fill in the name, price and photos, and press Save.',
    tags: ['catalogue'],
  },
];
