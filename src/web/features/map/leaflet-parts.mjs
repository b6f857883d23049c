/**
 * The parts of Leaflet the coverage map uses, from Leaflet's own ES modules (the package ships
 * them in leaflet/src). The web build resolves `leaflet` to this file (vite.config.mts): Leaflet's
 * single-file build cannot be tree-shaken and brings tiles, markers' icons, popups, image and video
 * overlays and the layers and scale controls: 42 KB gzip against 30 KB for these parts.
 *
 * react-leaflet's MapContainer, GeoJSON and AttributionControl use Map, GeoJSON, Control (with
 * Control.Attribution), DomUtil and LatLngBounds; the map binds tooltips to shapes and draws them
 * with SVG. Statics are attached as Leaflet's own index modules do (leaflet/src/*\/index.js). An
 * export missing here fails the build; a part missing at run time fails the page, which
 * test/web/public.browser.test.ts draws.
 */
import { Control } from 'leaflet/src/control/Control';
import { Attribution } from 'leaflet/src/control/Control.Attribution';
import { Zoom } from 'leaflet/src/control/Control.Zoom';
import * as GeoJSONModule from 'leaflet/src/layer/GeoJSON';
import { create, pointsToPath, SVG } from 'leaflet/src/layer/vector/SVG';
import { Map } from 'leaflet/src/map/Map';
// Each handler adds itself to every new map (panning, keyboard, zooming by wheel, double click,
// pinch and shift-drag, the long press on touch screens); Leaflet's map/index.js names them too.
import { BoxZoom } from 'leaflet/src/map/handler/Map.BoxZoom';
import { DoubleClickZoom } from 'leaflet/src/map/handler/Map.DoubleClickZoom';
import { Drag } from 'leaflet/src/map/handler/Map.Drag';
import { Keyboard } from 'leaflet/src/map/handler/Map.Keyboard';
import { ScrollWheelZoom } from 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import { TapHold } from 'leaflet/src/map/handler/Map.TapHold';
import { TouchZoom } from 'leaflet/src/map/handler/Map.TouchZoom';
// Adds map.getRenderer (SVG; Canvas when asked for) and layer.bindTooltip.
import 'leaflet/src/layer/vector/Renderer.getRenderer';
import { Tooltip } from 'leaflet/src/layer/Tooltip';

Object.assign(Map, { BoxZoom, DoubleClickZoom, Drag, Keyboard, ScrollWheelZoom, TapHold, TouchZoom });
Object.assign(Control, { Zoom, Attribution });
const { GeoJSON, geometryToLayer, coordsToLatLng, coordsToLatLngs, latLngToCoords, latLngsToCoords, getFeature, asFeature } = GeoJSONModule;
Object.assign(GeoJSON, { geometryToLayer, coordsToLatLng, coordsToLatLngs, latLngToCoords, latLngsToCoords, getFeature, asFeature });
Object.assign(SVG, { create, pointsToPath });

export { Control, GeoJSON, Map, SVG, Tooltip };
export * as DomUtil from 'leaflet/src/dom/DomUtil';
export { LatLngBounds } from 'leaflet/src/geo/LatLngBounds';
