/** Strings of the copy-link button. */
export const en = {
  copyLink: 'Copy link',
  copied: 'Copied',
  copyTitle: 'Copy a link that opens exactly this race',
  copyManually: 'Copy this link with Ctrl+C (⌘C)',
  linkField: 'Link to this race',
};

export const ru: typeof en = {
  copyLink: 'Скопировать ссылку',
  copied: 'Скопировано',
  copyTitle: 'Скопировать ссылку, которая откроет именно эту гонку',
  copyManually: 'Скопируйте ссылку: Ctrl+C (⌘C)',
  linkField: 'Ссылка на эту гонку',
};
