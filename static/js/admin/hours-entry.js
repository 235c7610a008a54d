// Faster entry of opening hours in the admin (places and services):
// - a new period of a service takes the only place of delivery chosen above;
// - the weekly summary, as residents will read it, is previewed under the periods as the
//   editor types (rendered by the server's own rule: places/admin_views.py).
// Without JavaScript the editor chooses the place and sees the summary on the page; saving
// checks every period the same way in both cases.
(() => {
  const script = document.currentScript;
  const PERIODS = "opening_periods";

  const alive = (row) => row && row.querySelector('input[name$="-DELETE"]')?.value !== "1";

  const onlyPlaceOfDelivery = () => {
    const places = new Map();
    for (const chooser of document.querySelectorAll(
      '[id^="id_service_places-"][id$="-place-chooser"]',
    )) {
      const state = chooser.widget?.getState();
      if (state?.id && alive(chooser.closest('[id^="inline_child_service_places-"]'))) {
        places.set(String(state.id), state);
      }
    }
    return places.size === 1 ? [...places.values()][0] : null;
  };

  document.addEventListener("w-formset:added", (event) => {
    const chooser = event.target.querySelector?.(`[id^="id_${PERIODS}-"][id$="-place-chooser"]`);
    const place = chooser?.widget && !chooser.widget.getValue() && onlyPlaceOfDelivery();
    if (place) chooser.widget.setState(place);
  });

  const forms = document.getElementById(`id_${PERIODS}-FORMS`);
  if (!forms) return;
  const preview = document.createElement("div");
  preview.className = "help-block hours-preview";
  preview.setAttribute("aria-live", "polite");
  forms.after(preview);

  const query = () => {
    const params = new URLSearchParams();
    let count = 0;
    const rowId = new RegExp(`^inline_child_${PERIODS}-\\d+$`);
    for (const row of forms.querySelectorAll(`[id^="inline_child_${PERIODS}-"]`)) {
      if (!rowId.test(row.id) || !alive(row)) continue;
      const field = (name) => row.querySelector(`[name$="-${name}"]`);
      const prefix = `period-${count}-`;
      params.set(`${prefix}place`, field("place")?.value || "");
      params.set(`${prefix}weekday`, field("weekday")?.value || "");
      params.set(`${prefix}opens`, field("opens")?.value || "");
      params.set(`${prefix}closes`, field("closes")?.value || "");
      for (const box of row.querySelectorAll('[name$="-also_on"]:checked')) {
        params.append(`${prefix}also_on`, box.value);
      }
      count += 1;
    }
    params.set("period-TOTAL_FORMS", count);
    params.set("period-INITIAL_FORMS", 0);
    return params;
  };

  let timer;
  let asked = 0;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const number = ++asked;
      try {
        const response = await fetch(`${script.dataset.previewUrl}?${query()}`, {
          credentials: "same-origin",
        });
        if (response.ok && number === asked) preview.innerHTML = await response.text();
      } catch {
        // The preview is a help: the page's own summary says the same once saved.
      }
    }, 300);
  };
  forms.addEventListener("input", refresh);
  forms.addEventListener("change", refresh);
  document.addEventListener("w-formset:added", refresh);
  document.addEventListener("w-formset:removed", refresh);
  refresh();
})();
