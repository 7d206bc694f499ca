// The geographic map (network/map.html): reads the page's GeoJSON endpoint and draws the
// organizations as clustered points with Leaflet. No inline script: everything the page
// needs comes from the #geomap element's data attributes. Base tiles only when configured.
(function () {
  "use strict";

  function popup(properties, openLabel) {
    // Built from DOM nodes (textContent), never from HTML strings: names are typed by people.
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.name;
    box.appendChild(title);
    var meta = document.createElement("div");
    meta.textContent = [properties.kind_label, properties.status_label, properties.city]
      .filter(Boolean).join(" · ");
    box.appendChild(meta);
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = openLabel;
    box.appendChild(link);
    return box;
  }

  // The actions that carry coordinates, in the plans the visitor reads (signed in only).
  function addProjects(element, clusters) {
    fetch(element.dataset.projects, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        clusters.addLayer(L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, { radius: 6, weight: 2, className: "geomap__point geomap__point--action" });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties, element.dataset.openLabel));
            marker.bindTooltip(feature.properties.name);
          }
        }));
        element.dataset.projectPoints = String(data.features.length);
      });
  }

  function start() {
    var element = document.getElementById("geomap");
    if (!element || typeof L === "undefined") { return; }
    var status = document.getElementById("geomap-status");
    // The clustering needs a maximum zoom, which otherwise only a tile layer would give.
    var map = L.map(element, { minZoom: 3, maxZoom: 18 }).setView([47.5, -71.5], 5);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18, attribution: element.dataset.attribution || ""
      }).addTo(map);
    }
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false });
    fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, {
              radius: 8, weight: 2, className: "geomap__point geomap__point--" + feature.properties.status
            });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties, element.dataset.openLabel));
            marker.bindTooltip(feature.properties.name);
          }
        });
        clusters.addLayer(layer);
        map.addLayer(clusters);
        if (data.features.length) { map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 10 }); }
        element.dataset.points = String(data.features.length);
        if (element.dataset.projects) { addProjects(element, clusters); }
        if (status) {
          status.textContent = element.dataset.countLabel
            .replace("%(shown)s", String(data.features.length))
            .replace("%(unplaced)s", String(data.unplaced));
        }
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
