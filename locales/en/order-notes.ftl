order-protection-pending = Once paid, the money is held by Pasar until the buyer confirms receipt. Card details never reach Pasar.
order-protection-released = Pasar released the money to the seller when the order was completed. Card details never reach Pasar.
order-protection-returned = The money went back to the buyer. Card details never reach Pasar.
order-protection-none = No money was taken for this order. Card details never reach Pasar.
