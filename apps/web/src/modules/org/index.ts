// What other modules may use from org.
export { UserPicker } from './components/UserPicker';
