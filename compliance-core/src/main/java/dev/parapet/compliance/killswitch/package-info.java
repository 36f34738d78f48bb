/**
 * The kill switch: engaged by hand or automatically (daily loss limit, too many rejections), it blocks
 * every new order, cancels working child orders, raises a critical alert, and stays engaged until an
 * explicit, journalled reset.
 */
package dev.parapet.compliance.killswitch;
