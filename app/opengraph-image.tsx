// The preview of the bare calculator URL (the default scenario). Share links with a query get
// /api/v1/og?<query> from the page's generateMetadata, which overrides this file.
import { PREVIEW_ALT, PREVIEW_SIZE, previewImage } from "./api/v1/og/preview-card";

export const alt = PREVIEW_ALT;
export const size = PREVIEW_SIZE;
export const contentType = "image/png";

export default function Image() {
  return previewImage("");
}
