/*
 * SIOC territory maps: draws the GeoJSON named by data-geojson-url on every .sioc-map.
 * No tile layer (there is no tile server): only the polygons on a plain background.
 * Features carry properties {code, name, kind, url, population}; a feature with a url is a link.
 */
(function () {
  "use strict";

  var STYLES = {
    provincia: { color: "#0b3d6e", weight: 1.5, fillColor: "#5b8fc7", fillOpacity: 0.35 },
    canton: { color: "#0b3d6e", weight: 1, fillColor: "#f2b705", fillOpacity: 0.35 },
    zona_no_delimitada: { color: "#6c757d", weight: 1, dashArray: "4 3", fillColor: "#adb5bd", fillOpacity: 0.4 },
    outline: { color: "#072a4d", weight: 3, fill: false }
  };
  var HOVER = { weight: 3, fillOpacity: 0.6 };

  function styleFor(feature, outlineOnly) {
    var kind = (feature.properties && feature.properties.kind) || "canton";
    if (outlineOnly && kind === "provincia") {
      return STYLES.outline;
    }
    return STYLES[kind] || STYLES.canton;
  }

  function showError(element) {
    var message = document.createElement("p");
    message.className = "p-3 mb-0 text-body-secondary";
    message.textContent = element.dataset.errorMessage || "";
    element.replaceChildren(message);
  }

  function draw(element, data) {
    var features = (data && data.features) || [];
    // A province page sends the province first and then its cantons: draw the province as an
    // outline so that the cantons stay clickable.
    var kinds = features.map(function (f) { return f.properties && f.properties.kind; });
    var outlineOnly = kinds.indexOf("provincia") !== -1 && kinds.indexOf("canton") !== -1;
    var map = L.map(element, {
      attributionControl: false,
      zoomSnap: 0.25,
      scrollWheelZoom: false
    });
    var layer = L.geoJSON(data, {
      style: function (feature) { return styleFor(feature, outlineOnly); },
      onEachFeature: function (feature, featureLayer) {
        var props = feature.properties || {};
        if (props.name) {
          featureLayer.bindTooltip(props.name, { sticky: true, direction: "top" });
        }
        if (props.url && !(outlineOnly && props.kind === "provincia")) {
          featureLayer.on("click", function () { window.location.assign(props.url); });
          featureLayer.on("mouseover", function () { featureLayer.setStyle(HOVER); });
          featureLayer.on("mouseout", function () { layer.resetStyle(featureLayer); });
        }
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      map.setView([-1.5, -78.5], 6);
    }
    // The outline goes under the cantons so that it never catches their clicks.
    layer.eachLayer(function (featureLayer) {
      if (outlineOnly && featureLayer.feature.properties.kind === "provincia") {
        featureLayer.bringToBack();
      }
    });
  }

  function init(element) {
    var url = element.dataset.geojsonUrl;
    if (!url || typeof L === "undefined") {
      showError(element);
      return;
    }
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) { draw(element, data); })
      .catch(function () { showError(element); });
  }

  function start() {
    document.querySelectorAll(".sioc-map[data-geojson-url]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
