/**
 * The parts of the overlay that mount once the content is ready, as one lazy chunk: not in the first paint (they are
 * closed, or under the loading screen until the hall's first frame), and fetched in one request that compresses as
 * one, rather than a dozen small ones.
 */
export { default as AgendaPanel } from './AgendaPanel'
export { default as BookingDialog } from './BookingDialog'
export { default as BoothPanel } from './BoothPanel'
export { default as GyroToggle } from './GyroToggle'
export { default as Joystick } from './Joystick'
export { default as Minimap } from './Minimap'
export { default as ModeSwitch } from './ModeSwitch'
export { default as RoutePanel } from './RoutePanel'
export { default as ScreenSound } from './ScreenSound'
export { default as LobbyProgramme } from './sessions/LobbyProgramme'
export { default as TourControls } from './TourControls'
