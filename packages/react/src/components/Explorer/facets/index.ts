export { FacetPanel, type FacetPanelProps } from './FacetPanel.js';
export { type FacetPanelOptions, useFacetPanel } from './useFacetPanel.js';
