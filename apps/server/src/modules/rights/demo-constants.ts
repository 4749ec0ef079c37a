/** The demo informant of a monitoring point: sign in on the phone with this number to file the quarterly form. */
export const DEMO_INFORMANT_PHONE = '13800000003';
