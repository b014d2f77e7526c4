/** Where a glTF/GLB model stands: its origin's position, heading (clockwise from north) and scale. */
export interface ModelPlacement {
  lon: number;
  lat: number;
  /** Height of the model's origin above the ellipsoid, metres. */
  heightMeters: number;
  headingDeg: number;
  /** 1 = the model's units are metres, as glTF specifies. */
  scale: number;
}
