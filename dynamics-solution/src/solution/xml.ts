// XML escaping for everything the packer and the enable flow write: the core's one definition.
export { xmlEscape as esc } from '@navsync/shared-ts';
