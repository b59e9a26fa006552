import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { dateTime } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type StringKey, translate } from '../i18n.ts';
import {
  changeStaffRoleMutation,
  disableStaffMemberMutation,
  enableStaffMemberMutation,
  inviteStaffMutation,
  resetStaffPasswordMutation,
  studioStaffQuery,
} from '../staff-documents.ts';
import { styles } from '../styles.ts';
import { LoadedPart } from './loaded-part.ts';

type Member = ResultOf<typeof studioStaffQuery>['studioStaff'][number];
type Role = Member['role'];
const roles: readonly Role[] = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ACCOUNTANT', 'ADMIN'];
const roleLabel = (role: string) => `role_${role}` as StringKey;

/**
 * The studio's people (admins change, the head of support reads): invite someone (they get a
 * one-time link to choose a password, shown here once too), change a role, disable (which ends
 * their sessions, tokens and live updates at once) or enable, and reset a password.
 */
export class SettingsStaff extends LoadedPart {
  static override styles = [
    styles,
    css`
      .scroll { overflow-x: auto; }
      tbody tr { cursor: default; }
      tr.disabled td { color: #5b6473; }
      .link-box { display: flex; flex-direction: column; gap: 4px; }
      .link { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
      form.invite { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; }
    `,
  ];
  static override properties = { members: { state: true }, link: { state: true } };
  declare members: Member[];
  /** The set-password link just made, shown until the page is left. */
  declare link: { url: string; name: string } | null;

  constructor() {
    super();
    this.members = [];
    this.link = null;
  }

  protected override async load(): Promise<void> {
    this.members = (await request(studioStaffQuery, {}, this.locale)).studioStaff;
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      name: String(data.get('name') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
      role: String(data.get('role')) as Role,
      locale: String(data.get('locale') ?? 'ru'),
    };
    this.link = null;
    let url = '';
    const answer = request(inviteStaffMutation, { input }, this.locale).then((answer) => {
      if (answer.inviteStaff.__typename === 'StaffPasswordLinkPayload') url = answer.inviteStaff.setPasswordUrl;
      return answer;
    });
    if (await this.write(answer, () => translate(this.locale)('staffInvited', { name: input.name }))) {
      form.reset();
      this.link = { url, name: input.name };
    }
  }

  private async reset(member: Member): Promise<void> {
    const t = translate(this.locale);
    if (!confirm(t('staffResetConfirm', { name: member.name }))) return;
    this.link = null;
    let url = '';
    const answer = request(resetStaffPasswordMutation, { input: { staffMember: member.id } }, this.locale).then(
      (answer) => {
        if (answer.resetStaffPassword.__typename === 'StaffPasswordLinkPayload')
          url = answer.resetStaffPassword.setPasswordUrl;
        return answer;
      },
    );
    if (await this.write(answer, () => t('staffResetDone', { name: member.name })))
      this.link = { url, name: member.name };
  }

  private async setActive(member: Member, active: boolean): Promise<void> {
    const t = translate(this.locale);
    if (!active && !confirm(t('staffDisableConfirm', { name: member.name }))) return;
    const input = { staffMember: member.id };
    await this.write(
      active
        ? request(enableStaffMemberMutation, { input }, this.locale)
        : request(disableStaffMemberMutation, { input }, this.locale),
      () => t(active ? 'staffEnabled' : 'staffDisabled', { name: member.name }),
    );
  }

  private async changeRole(member: Member, select: HTMLSelectElement): Promise<void> {
    const t = translate(this.locale);
    const role = select.value as Role;
    if (!confirm(t('staffRoleConfirm', { name: member.name, role: t(roleLabel(role)) }))) {
      select.value = member.role;
      return;
    }
    const saved = await this.write(
      request(changeStaffRoleMutation, { input: { staffMember: member.id, role } }, this.locale),
      () => t('staffRoleChanged', { name: member.name, role: t(roleLabel(role)) }),
    );
    if (!saved) select.value = member.role;
  }

  override render() {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="staff-title">
      <h3 id="staff-title">${t('staffTitle')}</h3>
      <p class="muted">${t(this.editor ? 'staffHint' : 'staffHintReader')}</p>
      ${this.outcome()}
      ${
        this.link
          ? html`<div class="warning link-box" role="status"><span>${t('staffLink', { name: this.link.name })}</span>
            <code class="link">${this.link.url}</code></div>`
          : nothing
      }
      <div class="scroll" tabindex="0" role="group" aria-labelledby="staff-title"><table aria-labelledby="staff-title">
        <thead><tr><th>${t('staffName')}</th><th>${t('staffRole')}</th><th>${t('staffState')}</th><th>${t('staffActions')}</th></tr></thead>
        <tbody>${this.members.map((member) => this.row(member))}</tbody>
      </table></div>
      ${this.editor ? this.inviteForm() : nothing}
    </section>`;
  }

  private state(member: Member): string {
    const t = translate(this.locale);
    if (!member.active) return t('staffStateDisabled');
    if (member.passwordSet) return t('staffStateActive');
    if (member.passwordLinkExpiresAt && new Date(member.passwordLinkExpiresAt).getTime() > Date.now())
      return t('staffStateInvited', { until: dateTime(member.passwordLinkExpiresAt, this.locale) });
    return t('staffStateNoPassword');
  }

  private row(member: Member) {
    const t = translate(this.locale);
    const line = member.supportLine ? `, ${t('staffLineN', { line: member.supportLine })}` : '';
    return html`<tr class=${member.active ? '' : 'disabled'}>
      <td>${member.name}<br /><span class="muted">${member.email}</span></td>
      <td>${
        this.editor
          ? html`<select aria-label=${t('staffRoleOf', { name: member.name })}
              @change=${(e: Event) => void this.changeRole(member, e.target as HTMLSelectElement)}>
              ${roles.map((role) => html`<option value=${role} ?selected=${role === member.role}>${t(roleLabel(role))}</option>`)}
            </select>${line}`
          : html`${t(roleLabel(member.role))}${line}`
      }</td>
      <td>${this.state(member)}</td>
      <td>${
        this.editor
          ? html`<div class="row">
              <button class="small" aria-label=${t('staffResetLabel', { name: member.name })} @click=${() => void this.reset(member)}>${t('staffReset')}</button>
              ${
                member.active
                  ? html`<button class="small" aria-label=${t('staffDisableLabel', { name: member.name })} @click=${() => void this.setActive(member, false)}>${t('staffDisable')}</button>`
                  : html`<button class="small" aria-label=${t('staffEnableLabel', { name: member.name })} @click=${() => void this.setActive(member, true)}>${t('staffEnable')}</button>`
              }
            </div>`
          : nothing
      }</td>
    </tr>`;
  }

  private inviteForm() {
    const t = translate(this.locale);
    return html`<form class="invite" aria-labelledby="staff-invite" @submit=${(e: SubmitEvent) => void this.invite(e)}>
      <h4 id="staff-invite">${t('staffInvite')}</h4>
      <label>${t('staffName')} <input name="name" required maxlength="100" /></label>
      <label>${t('staffEmail')} <input name="email" type="email" required /></label>
      <label>${t('staffRole')}
        <select name="role">${roles.map((role) => html`<option value=${role}>${t(roleLabel(role))}</option>`)}</select>
      </label>
      <label>${t('staffLanguage')}
        <select name="locale"><option value="ru">Русский</option><option value="en">English</option></select>
      </label>
      <button class="primary" type="submit">${t('staffInviteButton')}</button>
    </form>`;
  }
}
