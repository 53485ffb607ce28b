/** Where a booking's card is in the page, so focus can follow the card when an answer moves it to another section. */
export const bookingCardId = (bookingId: string) => `booking-${bookingId}`

/** After an answer the card moves: focus follows it, so the keyboard is not dropped on the page. */
export function focusBookingCard(bookingId: string) {
  requestAnimationFrame(() => document.getElementById(bookingCardId(bookingId))?.focus())
}
