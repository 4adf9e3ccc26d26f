order-protection-pending = Une fois payé, l’argent est conservé par Pasar jusqu’à ce que l’acheteur confirme la réception. Les données de carte ne passent jamais par Pasar.
order-protection-released = Pasar a versé l’argent au vendeur lorsque la commande a été terminée. Les données de carte ne passent jamais par Pasar.
order-protection-returned = L’argent a été rendu à l’acheteur. Les données de carte ne passent jamais par Pasar.
order-protection-none = Aucun argent n’a été débité pour cette commande. Les données de carte ne passent jamais par Pasar.
