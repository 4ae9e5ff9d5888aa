/**
 * The Shiki themes of code listings, one for the light scheme and one for the dark, chosen for
 * contrast: every token colour of the "-default" variants reaches 4.5:1 on their background
 * (github-light's orange and github-dark's grey comments do not).
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
