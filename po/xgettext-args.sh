# shellcheck shell=bash disable=SC2034,SC2054
# Sourced by the po/ check scripts: the xgettext arguments of meson's i18n.gettext(preset: 'glib'),
# so that the checks extract exactly what the sagsfordeling-pot target extracts. .ui, .gschema.xml,
# .desktop(.in) and .metainfo.xml(.in) files are recognised by xgettext itself (ITS rules).
XGETTEXT_ARGS=(
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

# Prints the entries of POTFILES.in (no comments, no blank lines, no trailing blanks).
potfiles_entries ()
{
  sed -e 's/[[:space:]]*$//' -e '/^[[:space:]]*#/d' -e '/^$/d' "$1"
}
