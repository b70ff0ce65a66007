/*
 * Mission maps: the participating cantons, drawn from the territory app's canton GeoJSON
 * endpoints (one per canton, listed in the JSON script named by data-geojson-list). No tile
 * layer: only the polygons on a plain background. Each canton links to its page.
 */
(function () {
  "use strict";

  var STYLE = { color: "#0b3d6e", weight: 1.5, fillColor: "#f2b705", fillOpacity: 0.55 };
  var HOVER = { weight: 3, fillOpacity: 0.8 };

  function showMessage(element, text) {
    var message = document.createElement("p");
    message.className = "p-3 mb-0 text-body-secondary";
    message.textContent = text || "";
    element.replaceChildren(message);
  }

  function draw(element, collections) {
    var features = [];
    collections.forEach(function (data) {
      ((data && data.features) || []).forEach(function (f) { features.push(f); });
    });
    var map = L.map(element, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false });
    var layer = L.geoJSON({ type: "FeatureCollection", features: features }, {
      style: function () { return STYLE; },
      onEachFeature: function (feature, featureLayer) {
        var props = feature.properties || {};
        if (props.name) {
          var label = props.province_name ? props.name + " (" + props.province_name + ")" : props.name;
          featureLayer.bindTooltip(label, { sticky: true, direction: "top" });
        }
        if (props.url) {
          featureLayer.on("click", function () { window.location.assign(props.url); });
          featureLayer.on("mouseover", function () { featureLayer.setStyle(HOVER); });
          featureLayer.on("mouseout", function () { layer.resetStyle(featureLayer); });
        }
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [12, 12], maxZoom: 9 });
    } else {
      map.setView([-1.5, -78.5], 6);
    }
    element.dataset.cantonsDrawn = String(features.length);
  }

  function init(element) {
    var source = document.getElementById(element.dataset.geojsonList || "");
    var urls = source ? JSON.parse(source.textContent) : [];
    if (!urls.length) {
      showMessage(element, element.dataset.emptyMessage);
      return;
    }
    if (typeof L === "undefined") {
      showMessage(element, element.dataset.errorMessage);
      return;
    }
    Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        });
    }))
      .then(function (collections) { draw(element, collections); })
      .catch(function () { showMessage(element, element.dataset.errorMessage); });
  }

  function start() {
    document.querySelectorAll(".mision-mapa[data-geojson-list]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
