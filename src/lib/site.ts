/** The site's name, as Starlight shows it in the header and the social cards show it beside their title. */
export const SITE_TITLE = 'Neural network from scratch';
