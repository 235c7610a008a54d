// Django's JavaScript catalogue (loaded by base.html) as module functions.
const catalogue = window.django;

export const gettext = (text) => (catalogue ? catalogue.gettext(text) : text);
export const ngettext = (singular, plural, count) =>
  catalogue ? catalogue.ngettext(singular, plural, count) : count === 1 ? singular : plural;
export const interpolate = (format, values) =>
  catalogue ? catalogue.interpolate(format, values) : format.replace("%s", values[0]);
