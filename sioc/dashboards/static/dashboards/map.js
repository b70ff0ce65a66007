/*
 * SIOC choropleth of the cantons (Leaflet, no tile layer).
 * - Shapes: GeoJSON at #mapa-cantones[data-geojson-url] (loaded once).
 * - Values: JSON at #mapa-estado[data-values-url] (the filters in its query string); the
 *   element is replaced by htmx when the filters change, and the map is recoloured.
 * - Clicking a canton loads its summary (data-canton-url, "{code}" replaced) into
 *   #resumen-canton with htmx.
 */
(function () {
  "use strict";

  var PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  var NONE = "#f1f3f5";
  var BASE = { color: "#495057", weight: 0.6, fillOpacity: 0.9 };

  var map = null;
  var layer = null;
  var element = null;
  var current = null; // {values, measure, breaks, filterQuery}

  function classOf(value, breaks) {
    if (!value || !breaks.length) {
      return -1;
    }
    for (var i = 0; i < breaks.length; i++) {
      if (value <= breaks[i]) {
        return i;
      }
    }
    return breaks.length - 1;
  }

  function colourIndex(cls, n) {
    // With fewer than five classes, spread them over the palette (darkest = highest).
    if (n <= 1) {
      return PALETTE.length - 1;
    }
    return Math.round((cls * (PALETTE.length - 1)) / (n - 1));
  }

  function featureStyle(feature) {
    var style = Object.assign({}, BASE, { fillColor: NONE });
    if (!current) {
      return style;
    }
    var entry = current.values[feature.properties.code];
    var value = entry ? entry[current.measure === "proyectos" ? 1 : 0] : 0;
    var cls = classOf(value, current.breaks);
    if (cls >= 0) {
      style.fillColor = PALETTE[colourIndex(cls, current.breaks.length)];
    }
    return style;
  }

  function describe(feature) {
    var props = feature.properties;
    var entry = current && current.values[props.code];
    var text = props.name + " (" + props.province + ")";
    if (entry) {
      var amount = new Intl.NumberFormat("es-EC", { maximumFractionDigits: 0 }).format(entry[0]);
      text += ": USD " + amount + " · " + entry[1] + (entry[1] === 1 ? " proyecto" : " proyectos");
    } else {
      text += ": sin proyectos";
    }
    return text;
  }

  function drawLegend(data, measure, title) {
    var list = document.getElementById("mapa-leyenda");
    var heading = document.getElementById("leyenda-medida");
    if (heading && title) {
      heading.textContent = title;
    }
    if (!list) {
      return;
    }
    var labels = measure === "proyectos" ? data.legend.count : data.legend.amount;
    var items = [];
    labels.forEach(function (label, i) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "dash-swatch dash-c" + colourIndex(i, labels.length);
      swatch.setAttribute("aria-hidden", "true");
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(label));
      items.push(li);
    });
    var none = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "dash-swatch dash-none";
    swatch.setAttribute("aria-hidden", "true");
    none.appendChild(swatch);
    none.appendChild(document.createTextNode(data.legend.none));
    items.push(none);
    list.replaceChildren.apply(list, items);
    list.dataset.measure = measure;
  }

  function recolour() {
    if (!layer) {
      return;
    }
    layer.eachLayer(function (featureLayer) {
      featureLayer.setStyle(featureStyle(featureLayer.feature));
      featureLayer.setTooltipContent(describe(featureLayer.feature));
      var path = featureLayer.getElement && featureLayer.getElement();
      if (path) {
        path.setAttribute("data-fill", featureStyle(featureLayer.feature).fillColor);
      }
    });
  }

  function openSummary(code) {
    var target = document.getElementById("resumen-canton");
    var url = element.dataset.cantonUrl.replace("{code}", code);
    if (current && current.filterQuery) {
      url += "?" + current.filterQuery;
    }
    if (typeof htmx !== "undefined" && target) {
      htmx.ajax("GET", url, { target: "#resumen-canton", swap: "innerHTML" }).then(function () {
        target.focus({ preventScroll: true });
      });
    } else {
      window.location.assign(url);
    }
  }

  function showError() {
    var message = document.createElement("p");
    message.className = "p-3 mb-0 text-body-secondary";
    message.textContent = element.dataset.errorMessage || "";
    element.replaceChildren(message);
  }

  function drawShapes(geojson) {
    map = L.map(element, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false });
    layer = L.geoJSON(geojson, {
      style: featureStyle,
      onEachFeature: function (feature, featureLayer) {
        featureLayer.bindTooltip(describe(feature), { sticky: true, direction: "top" });
        featureLayer.on("click", function () { openSummary(feature.properties.code); });
        featureLayer.on("mouseover", function () { featureLayer.setStyle({ weight: 2.5 }); });
        featureLayer.on("mouseout", function () { featureLayer.setStyle({ weight: BASE.weight }); });
        featureLayer.on("add", function () {
          var path = featureLayer.getElement();
          if (path) {
            path.setAttribute("data-code", feature.properties.code);
            path.setAttribute("aria-label", feature.properties.name);
          }
        });
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      // Continental Ecuador; Galápagos stays reachable by panning out.
      map.fitBounds(L.latLngBounds([-5.1, -81.2], [1.5, -75.1]), { padding: [4, 4] });
    } else {
      map.setView([-1.5, -78.5], 6);
    }
    recolour();
  }

  function loadValues() {
    var state = document.getElementById("mapa-estado");
    if (!state) {
      return Promise.resolve();
    }
    var measure = state.dataset.measure || "monto";
    return fetch(state.dataset.valuesUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        current = {
          values: data.cantons,
          measure: measure,
          breaks: measure === "proyectos" ? data.breaks.count : data.breaks.amount,
          filterQuery: state.dataset.filterQuery || ""
        };
        drawLegend(data, measure, state.dataset.legendTitle);
        recolour();
        element.dataset.ready = measure + ":" + state.dataset.valuesUrl;
      });
  }

  function start() {
    element = document.getElementById("mapa-cantones");
    if (!element) {
      return;
    }
    if (typeof L === "undefined") {
      showError();
      return;
    }
    fetch(element.dataset.geojsonUrl, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (geojson) {
        drawShapes(geojson);
        return loadValues();
      })
      .catch(showError);
    document.body.addEventListener("htmx:afterSettle", function (event) {
      if (event.detail && event.detail.target && event.detail.target.id === "mapa-resultados") {
        loadValues();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
