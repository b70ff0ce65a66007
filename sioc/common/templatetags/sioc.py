from django import template

register = template.Library()


@register.filter
def widget(field):
    """Render a bound field with Bootstrap classes and ARIA links to its help and errors."""
    widget_type = field.field.widget.__class__.__name__
    css = (
        "form-select"
        if "Select" in widget_type and "Multiple" not in widget_type
        else "form-control"
    )
    if widget_type in {"CheckboxInput", "CheckboxSelectMultiple", "RadioSelect"}:
        css = "form-check-input"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": css}
    described = []
    if field.help_text:
        described.append(f"{field.id_for_label}-help")
    if field.errors:
        described.append(f"{field.id_for_label}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
