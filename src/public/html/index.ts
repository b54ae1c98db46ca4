export { escapeHtml, html, type HtmlValue, raw, SafeHtml, safeUrl } from './html'
export {
  BRAND_FILE_PREFIX,
  brandFileUrl,
  DEFAULT_PAGE_BRAND,
  loadPageBrand,
  type PageBrand,
  pageBrandFrom,
} from './pageBrand'
export {
  type NavLink,
  pageHeaders,
  pageLayout,
  type PageOptions,
  type PublicPage,
} from './pageLayout'
export { readableOn, shellColours } from './pageStyle'
export { publicFonts, registerPublicFonts } from './publicFonts'
